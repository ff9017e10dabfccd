package vn.ndp.registry.audit;

/**
 * Every kind of event the audit log records. Stable names: they are stored and
 * filtered on. Add a constant for each new state change; never rename one.
 */
public enum AuditEvent {
    /** A person signed in, with a password or through OpenID Connect. */
    SIGN_IN_SUCCEEDED,
    /** A sign-in was refused: wrong password, unknown user, disabled or locked account. */
    SIGN_IN_FAILED,
    /** Too many failed sign-ins: the account is locked for a while. */
    ACCOUNT_LOCKED,
    SIGNED_OUT,
    ACCOUNT_CREATED,
    ACCOUNT_CHANGED,
    ACCOUNT_DISABLED,
    PASSWORD_CHANGED,
    /** The first administrator was created at first start. */
    ADMINISTRATOR_BOOTSTRAPPED,
    API_TOKEN_ISSUED,
    API_TOKEN_REVOKED,
    /** A platform list was imported from a file. */
    PLATFORMS_IMPORTED,
    PROPOSAL_DRAFTED,
    /** A draft or returned proposal's fields were changed by its editor. */
    PROPOSAL_EDITED,
    PROPOSAL_SUBMITTED,
    PROPOSAL_RETURNED,
    PROPOSAL_WITHDRAWN,
    EVALUATION_RECORDED,
    PLATFORM_RECOGNISED,
    PLATFORM_RECOGNISED_AS_POTENTIAL,
    PROPOSAL_REJECTED,
    PLATFORM_CHANGED,
    CHANGE_REQUESTED,
    CHANGE_APPROVED,
    CHANGE_DECLINED,
    CHANGE_WITHDRAWN,
    PLATFORM_SUSPENDED,
    PLATFORM_REVOKED,
    PLATFORM_REINSTATED,
    REEVALUATION_COMPLETED,
    EVIDENCE_UPLOADED,
    LIST_VERSION_PUBLISHED,
    REMINDER_SENT,
    EXCHANGE_MEMBER_REGISTERED,
    EXCHANGE_SUBSYSTEM_REGISTERED,
    EXCHANGE_GATEWAY_REGISTERED,
    /** A gateway's address, certificate or hosted systems changed. */
    EXCHANGE_GATEWAY_CHANGED,
    EXCHANGE_SERVICE_REGISTERED,
    ACCESS_REQUESTED,
    ACCESS_GRANTED,
    ACCESS_DENIED,
    ACCESS_REQUEST_WITHDRAWN,
    GATEWAY_CERTIFICATE_REVOKED,
    /** A global configuration version whose content differs from the previous one was signed. */
    GLOBAL_CONFIGURATION_CHANGED,
    /** An agency raised a support request to a platform's operator. */
    SUPPORT_REQUEST_OPENED,
    /** The operator wrote in a support request's thread. */
    SUPPORT_REQUEST_ANSWERED,
    /** The requester wrote in a support request's thread. */
    SUPPORT_REQUEST_REPLIED,
    SUPPORT_REQUEST_STATUS_CHANGED,
    /** A province declared (or replaced) its adoption plan for a year. */
    ADOPTION_DECLARED,
    /** A province registered a local platform (with the overlap verdict and any "save anyway" reason). */
    LOCAL_PLATFORM_REGISTERED,
    /** A province changed a local platform (the fields changed, the overlap verdict and any "save anyway" reason). */
    LOCAL_PLATFORM_CHANGED,
    /** A province took a local platform out of its register, with a reason; the platform and its history are kept. */
    LOCAL_PLATFORM_REMOVED,
    PROVINCE_PROPOSAL_SUBMITTED,
    PROVINCE_PROPOSAL_ACCEPTED,
    PROVINCE_PROPOSAL_DECLINED
}
