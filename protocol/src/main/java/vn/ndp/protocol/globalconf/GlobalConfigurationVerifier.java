package vn.ndp.protocol.globalconf;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import vn.ndp.protocol.globalconf.GlobalConfigurationRejectedException.Reason;

/**
 * What a gateway calls on every download of the global configuration. It accepts a document
 * only if it is a CMS SignedData signed by the configured anchor (the registry's signing
 * certificate, issued by the national CA), for this instance, not expired by the injected
 * clock, and not older than the last version this verifier accepted. Re-accepting the same
 * version is allowed, so that a gateway can verify its saved copy again at start.
 */
public final class GlobalConfigurationVerifier {

    private static final Set<String> ACCEPTED_DIGESTS = Set.of(
            NISTObjectIdentifiers.id_sha256.getId(),
            NISTObjectIdentifiers.id_sha384.getId(),
            NISTObjectIdentifiers.id_sha512.getId());

    private final X509Certificate anchor;
    private final X509CertificateHolder anchorHolder;
    private final String instance;
    private final Clock clock;
    private long lastAcceptedVersion;

    /**
     * @param anchor              the registry's signing certificate
     * @param instance            this exchange's instance, e.g. {@code VN}
     * @param lastAcceptedVersion the version of the copy the gateway already trusts, 0 for none
     */
    public GlobalConfigurationVerifier(X509Certificate anchor, String instance, Clock clock, long lastAcceptedVersion) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastAcceptedVersion = lastAcceptedVersion;
        try {
            this.anchorHolder = new JcaX509CertificateHolder(anchor);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("Unreadable anchor certificate", e);
        }
    }

    public synchronized long lastAcceptedVersion() {
        return lastAcceptedVersion;
    }

    public synchronized VerifiedGlobalConfiguration verify(byte[] signed) throws GlobalConfigurationRejectedException {
        Instant now = clock.instant();
        CMSSignedData data = parse(signed);
        SignerInformation signer = onlySigner(data);
        Instant signedAt = signingTime(signer);
        verifySignature(signer, now);

        GlobalConfiguration configuration;
        try {
            configuration = GlobalConfigurationJson.read((byte[]) data.getSignedContent().getContent());
        } catch (IllegalArgumentException e) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED, e.getMessage(), e);
        }
        if (!configuration.instance().equals(instance)) {
            throw new GlobalConfigurationRejectedException(Reason.WRONG_INSTANCE,
                    "The global configuration is for instance " + configuration.instance() + ", not " + instance);
        }
        if (configuration.version() < lastAcceptedVersion) {
            throw new GlobalConfigurationRejectedException(Reason.ROLLBACK, "The global configuration version "
                    + configuration.version() + " is older than version " + lastAcceptedVersion + ", already accepted");
        }
        if (configuration.isExpiredAt(now)) {
            throw new GlobalConfigurationRejectedException(Reason.EXPIRED, "The global configuration version "
                    + configuration.version() + " expired at " + configuration.expiresAt());
        }
        lastAcceptedVersion = configuration.version();
        return new VerifiedGlobalConfiguration(configuration, signed, anchor, signedAt);
    }

    private static CMSSignedData parse(byte[] signed) throws GlobalConfigurationRejectedException {
        if (signed == null || signed.length == 0) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED, "The global configuration is empty");
        }
        try {
            CMSSignedData data = new CMSSignedData(signed);
            if (data.getSignedContent() == null
                    || !CMSObjectIdentifiers.data.getId().equals(data.getSignedContentTypeOID())) {
                throw new GlobalConfigurationRejectedException(Reason.MALFORMED,
                        "The signed global configuration does not encapsulate its content");
            }
            return data;
        } catch (CMSException | RuntimeException e) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED,
                    "The global configuration is not a CMS SignedData: " + e.getMessage(), e);
        }
    }

    private SignerInformation onlySigner(CMSSignedData data) throws GlobalConfigurationRejectedException {
        Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED,
                    "The global configuration has " + signers.size() + " signers; expected one");
        }
        SignerInformation signer = signers.iterator().next();
        if (!signer.getSID().match(anchorHolder)) {
            throw new GlobalConfigurationRejectedException(Reason.UNTRUSTED_SIGNER,
                    "The global configuration was signed by " + signer.getSID().getIssuer() + " serial "
                            + (signer.getSID().getSerialNumber() == null ? "?" : signer.getSID().getSerialNumber().toString(16))
                            + ", not by the configured anchor " + anchor.getSubjectX500Principal().getName());
        }
        if (signer.getSignedAttributes() == null) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED, "The signature has no signed attributes");
        }
        if (!ACCEPTED_DIGESTS.contains(signer.getDigestAlgOID())) {
            throw new GlobalConfigurationRejectedException(Reason.BAD_SIGNATURE,
                    "The digest algorithm " + signer.getDigestAlgOID() + " is not accepted; use SHA-256 or stronger");
        }
        return signer;
    }

    private static Instant signingTime(SignerInformation signer) throws GlobalConfigurationRejectedException {
        Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED, "The signature has no signing time");
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        try {
            return Time.getInstance(value).getDate().toInstant();
        } catch (IllegalArgumentException e) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED, "Unreadable signing time", e);
        }
    }

    private void verifySignature(SignerInformation signer, Instant now) throws GlobalConfigurationRejectedException {
        try {
            anchor.checkValidity(java.util.Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new GlobalConfigurationRejectedException(Reason.SIGNER_CERTIFICATE_NOT_VALID,
                    "The anchor certificate is not valid at " + now + ": " + e.getMessage(), e);
        }
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(anchor))) {
                throw new GlobalConfigurationRejectedException(Reason.BAD_SIGNATURE,
                        "The global configuration's signature does not verify");
            }
        } catch (CMSVerifierCertificateNotValidException e) {
            throw new GlobalConfigurationRejectedException(Reason.SIGNER_CERTIFICATE_NOT_VALID,
                    "The anchor certificate was not valid at the signing time: " + e.getMessage(), e);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            throw new GlobalConfigurationRejectedException(Reason.BAD_SIGNATURE,
                    "The global configuration's signature does not verify: " + e.getMessage(), e);
        }
    }
}
