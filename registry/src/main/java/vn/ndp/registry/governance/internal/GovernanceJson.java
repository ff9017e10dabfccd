package vn.ndp.registry.governance.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.catalog.PlatformRevision;
import vn.ndp.registry.governance.ChangeDesk;
import vn.ndp.registry.governance.ChangeRequest;
import vn.ndp.registry.governance.Evaluation;
import vn.ndp.registry.governance.EvidenceDocument;
import vn.ndp.registry.governance.Proposal;
import vn.ndp.registry.governance.ReevaluationDesk;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FieldChange;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.RegistryException;

/**
 * Request and response shapes of the governance API. Catalogue fields travel
 * as a map keyed by their wire names ({@code name_vi}, {@code security_level}),
 * values as text; enums are lower-case.
 */
final class GovernanceJson {

    private GovernanceJson() {
    }

    record NewProposal(String code, Map<String, String> fields) {
    }

    record ProposalEdit(Integer version, Map<String, String> fields) {
    }

    record VersionOnly(Integer version) {
    }

    record Reason(Integer version, String reason) {
    }

    record CriterionJson(String criterion, String result, String comment) {
    }

    record EvaluationJson(Integer version, List<CriterionJson> results, Integer securityLevel,
            Boolean securityDossierApproved, String summary) {

        Evaluation toEvaluation(InvalidParameters invalid) {
            List<Evaluation.CriterionResult> converted = results == null ? List.of() : results.stream()
                    .map(r -> new Evaluation.CriterionResult(r.criterion(), r.result() == null ? null
                            : invalid.choice("criterion." + r.criterion(), r.result(), Evaluation.Result.class),
                            r.comment()))
                    .toList();
            return new Evaluation(converted, securityLevel, securityDossierApproved, summary);
        }

        static EvaluationJson of(Evaluation e) {
            if (e == null) {
                return null;
            }
            return new EvaluationJson(null, e.results().stream()
                    .map(r -> new CriterionJson(r.criterion(), Wire.name(r.result()), r.comment())).toList(),
                    e.securityLevel(), e.securityDossierApproved(), e.summary());
        }
    }

    record DecisionJson(Integer version, String decision, String decisionNumber, LocalDate decisionDate,
            String issuer, String reason) {
    }

    /** A change to a published entry; {@code effectiveOn}, the day it takes effect (absent: the day it is approved). */
    record ChangeJson(Integer version, Map<String, String> fields, String reason, LocalDate effectiveOn) {
    }

    record ChangeDecisionJson(Integer version, String action, String note) {
    }

    record StandingJson(Integer version, String action, EvaluationJson evaluation, String reason,
            String legalBasis) {
    }

    record DocumentJson(UUID id, String fileName, String contentType, long size, String sha256, String uploadedBy,
            OffsetDateTime uploadedAt, String href) {
        static DocumentJson of(EvidenceDocument d) {
            return new DocumentJson(d.id(), d.fileName(), d.contentType(), d.size(), d.sha256(), d.uploadedBy(),
                    d.uploadedAt(), "/api/v1/documents/" + d.id());
        }
    }

    record ProposalJson(UUID id, String code, String agencyCode, String status, int version,
            Map<String, String> fields, EvaluationJson evaluation, String returnReason, Proposal.Decision decision,
            String decisionReason, String createdBy, OffsetDateTime createdAt, OffsetDateTime submittedAt,
            String decidedBy, OffsetDateTime decidedAt, OffsetDateTime updatedAt, List<DocumentJson> documents) {

        static ProposalJson of(Proposal p) {
            return new ProposalJson(p.id(), p.platformCode(), p.agencyCode(), Wire.name(p.status()), p.version(),
                    wire(p.fields()), EvaluationJson.of(p.evaluation()), p.returnReason(), p.decision(),
                    p.decisionReason(), p.createdBy(), p.createdAt(), p.submittedAt(), p.decidedBy(), p.decidedAt(),
                    p.updatedAt(), p.documents().stream().map(DocumentJson::of).toList());
        }
    }

    /** The changes with their fields by wire name, as the API answers them. */
    static List<FieldChange<String>> byWireName(List<FieldChange<PlatformField>> changes) {
        return changes.stream().map(c -> c.map(PlatformField::wireName)).toList();
    }

    record ChangeRequestJson(UUID id, String platformCode, String agencyCode, String status, int version,
            int baseVersion, List<FieldChange<String>> changes, String reason, LocalDate effectiveOn,
            String requestedBy, OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt,
            String decisionNote, List<DocumentJson> documents) {
        static ChangeRequestJson of(ChangeRequest c) {
            return c == null ? null : new ChangeRequestJson(c.id(), c.platformCode(), c.agencyCode(),
                    Wire.name(c.status()), c.version(), c.baseVersion(),
                    byWireName(c.changes()), c.reason(), c.effectiveOn(), c.requestedBy(),
                    c.requestedAt(), c.decidedBy(), c.decidedAt(), c.decisionNote(),
                    c.documents().stream().map(DocumentJson::of).toList());
        }
    }

    record ChangeOutcomeJson(String platformCode, int version, List<FieldChange<String>> applied,
            ChangeRequestJson pending) {
        static ChangeOutcomeJson of(ChangeDesk.Outcome o) {
            return new ChangeOutcomeJson(o.platform().code(), o.platform().version(),
                    byWireName(o.applied()), ChangeRequestJson.of(o.pending()));
        }
    }

    record RevisionJson(long id, int version, OffsetDateTime occurredAt, LocalDate effectiveOn, String actor,
            String cause, String reference, String note, List<FieldChange<String>> fields) {
        static RevisionJson of(PlatformRevision r) {
            return new RevisionJson(r.id(), r.version(), r.occurredAt(), r.effectiveOn(), r.actor(),
                    Wire.name(r.cause()), r.reference(), r.note(), byWireName(r.fields()));
        }
    }

    record HistoryJson(String platformCode, int version, List<RevisionJson> revisions,
            List<FieldChange<String>> changedSinceRecognition) {
    }

    record DueJson(String platformCode, String nameVi, String status, String ownerCode, LocalDate since,
            LocalDate dueDate, boolean overdue) {
        static DueJson of(ReevaluationDesk.Due d) {
            return new DueJson(d.platform().code(), d.platform().nameVi(), Wire.name(d.platform().status()),
                    d.ownerCode(), d.since(), d.dueDate(), d.overdue());
        }
    }

    record PlatformStatusJson(String code, String status, int version) {
    }

    static Map<String, String> wire(Map<PlatformField, String> fields) {
        Map<String, String> wire = new LinkedHashMap<>();
        // in the fields' order; EnumMap's copy constructor refuses an empty map (a draft with no field yet)
        Map<PlatformField, String> ordered = new EnumMap<>(PlatformField.class);
        ordered.putAll(fields);
        ordered.forEach((k, v) -> wire.put(k.wireName(), v));
        return wire;
    }

    /** Field names to fields; unknown names are reported, each by name. */
    static Map<PlatformField, String> fields(Map<String, String> wire, InvalidParameters invalid) {
        Map<PlatformField, String> fields = new EnumMap<>(PlatformField.class);
        if (wire == null) {
            return fields;
        }
        wire.forEach((name, value) -> {
            PlatformField field = PlatformField.fromWire(name);
            if (field == null) {
                invalid.reject(name, "is not a platform field; fields are " + Wire.values(PlatformField.class) + ".");
            } else {
                fields.put(field, value);
            }
        });
        return fields;
    }

    /** The version the client read, which every change must state. */
    static int version(Integer version) {
        if (version == null) {
            throw new RegistryException(ErrorCode.INVALID_PARAMETER, "version: is required (the version you read).",
                    List.of(RegistryException.FieldError.of("version", "is required: the version you read.")));
        }
        return version;
    }
}
