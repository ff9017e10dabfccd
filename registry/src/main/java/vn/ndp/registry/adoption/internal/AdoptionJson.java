package vn.ndp.registry.adoption.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.ndp.registry.adoption.AdoptionDesk.HeldPlan;
import vn.ndp.registry.adoption.AdoptionFigures;
import vn.ndp.registry.adoption.AdoptionPlan;
import vn.ndp.registry.adoption.AdoptionStatus;
import vn.ndp.registry.adoption.DocumentKind;
import vn.ndp.registry.adoption.LocalPlatform;
import vn.ndp.registry.adoption.LocalPlatformRevision;
import vn.ndp.registry.adoption.PlanDeclaration;
import vn.ndp.registry.adoption.PlatformAdoption;
import vn.ndp.registry.adoption.ProvinceProposal;
import vn.ndp.registry.adoption.Responsibility;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.AgencyJson.AgencyRef;
import vn.ndp.registry.agencies.AgencyJson.ExistenceJson;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.catalog.PlatformType;
import vn.ndp.registry.overlap.OverlapReport;
import vn.ndp.registry.reporting.ProgrammeFigure;
import vn.ndp.registry.shared.FieldChange;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.InvalidParameters;

/** Request and response records of the adoption API; enums travel as lower-case wire names. */
final class AdoptionJson {

    private AdoptionJson() {
    }

    /** One platform in a declaration. Phone and e-mail are left out for anonymous readers. */
    record PlatformAdoptionJson(String platform, String status, String department, String person, String title,
            String phone, String email, String target, String progress) {

        static PlatformAdoptionJson of(PlatformAdoption p, boolean contacts) {
            Responsibility r = p.responsibility();
            return new PlatformAdoptionJson(p.platformCode(), Wire.name(p.status()), r.department(), r.person(),
                    r.title(), contacts ? r.phone() : null, contacts ? r.email() : null, p.target(), p.progress());
        }

        PlatformAdoption toAdoption(InvalidParameters invalid, int index) {
            AdoptionStatus parsed = invalid.choice("platforms[" + index + "].status", status, AdoptionStatus.class);
            return new PlatformAdoption(platform, parsed, new Responsibility(department, person, title, phone, email),
                    target, progress);
        }
    }

    record PlanJson(UUID id, String province, int year, String documentKind, String documentNumber,
            LocalDate documentDate, String documentTitle, String target, String progress,
            List<PlatformAdoptionJson> platforms, boolean sample, String updatedBy, OffsetDateTime updatedAt,
            int version) {

        static PlanJson of(AdoptionPlan p, boolean contacts) {
            return new PlanJson(p.id(), p.provinceCode(), p.year(), Wire.name(p.documentKind()), p.documentNumber(),
                    p.documentDate(), p.documentTitle(), p.target(), p.progress(),
                    p.platforms().stream().map(a -> PlatformAdoptionJson.of(a, contacts)).toList(), p.sample(),
                    p.updatedBy(), p.updatedAt(), p.version());
        }
    }

    /** A declaration as sent; {@code version} is the version read (absent for a new plan). */
    record DeclarationJson(Integer year, String documentKind, String documentNumber, String documentDate,
            String documentTitle, String target, String progress, List<PlatformAdoptionJson> platforms,
            Integer version) {

        PlanDeclaration toDeclaration(InvalidParameters invalid) {
            DocumentKind kind = invalid.choice("document_kind", documentKind, DocumentKind.class);
            LocalDate date = invalid.date("document_date", documentDate);
            List<PlatformAdoption> adoptions = new ArrayList<>();
            List<PlatformAdoptionJson> sent = platforms == null ? List.of() : platforms;
            for (int i = 0; i < sent.size(); i++) {
                if (sent.get(i) == null) {
                    invalid.reject("platforms[" + i + "]", "is empty.");
                } else {
                    adoptions.add(sent.get(i).toAdoption(invalid, i));
                }
            }
            return new PlanDeclaration(year == null ? 0 : year, kind, documentNumber, date, documentTitle, target,
                    progress, adoptions);
        }
    }

    record HeldPlanJson(AgencyRef declaredBy, boolean inherited, LocalDate until, PlanJson plan) {
        static HeldPlanJson of(HeldPlan h, boolean contacts) {
            return new HeldPlanJson(AgencyRef.of(h.declaredBy()), h.inherited(), h.inherited() ? h.until() : null,
                    PlanJson.of(h.plan(), contacts));
        }
    }

    /** A local platform; {@code removedAt}, {@code removedBy}, {@code removalReason} are set once it is removed. */
    record LocalPlatformJson(UUID id, String code, String province, String nameVi, String nameEn, String description,
            List<String> functions, String category, String type, String status, String website, String department,
            String kind, String overlapVerdict, List<String> overlapMatches, String overlapReason, boolean sample,
            String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt,
            OffsetDateTime removedAt, String removedBy, String removalReason, int version) {

        static LocalPlatformJson of(LocalPlatform p) {
            LocalPlatform.Removal r = p.removal();
            return new LocalPlatformJson(p.id(), p.code(), p.provinceCode(), p.nameVi(), p.nameEn(), p.description(),
                    p.functions(), Wire.name(p.category()), Wire.name(p.type()), Wire.name(p.status()), p.website(),
                    p.department(), "local", Wire.name(p.overlapVerdict()), p.overlapMatches(), p.overlapReason(),
                    p.sample(), p.createdBy(), p.createdAt(), p.updatedBy(), p.updatedAt(),
                    r == null ? null : r.at(), r == null ? null : r.by(), r == null ? null : r.reason(), p.version());
        }
    }

    /**
     * A local platform as sent to register or change it; {@code version} is the version read, required to change
     * one (not used when registering).
     */
    record LocalPlatformRequest(String nameVi, String nameEn, String description, List<String> functions,
            String category, String type, String status, String website, String department, Boolean saveAnyway,
            String reason, Integer version) {

        LocalPlatform.Draft toDraft(InvalidParameters invalid) {
            return new LocalPlatform.Draft(nameVi, nameEn, description, functions,
                    invalid.choice("category", category, Category.class),
                    invalid.choice("type", type, PlatformType.class),
                    invalid.choice("status", status, AdoptionStatus.class), website, department);
        }
    }

    /** Why a local platform leaves the register, and the version read. */
    record LocalPlatformRemovalJson(String reason, Integer version) {
    }

    record LocalPlatformRevisionJson(int version, OffsetDateTime occurredAt, String actor, String cause, String note,
            List<FieldChange<String>> fields) {

        static LocalPlatformRevisionJson of(LocalPlatformRevision r) {
            return new LocalPlatformRevisionJson(r.version(), r.occurredAt(), r.actor(), Wire.name(r.cause()),
                    r.note(), r.fields());
        }
    }

    record MatchJson(String code, String nameVi, String kind, String verdict, double score) {
        static MatchJson of(OverlapReport.Match m) {
            return new MatchJson(m.platform().code(), m.platform().nameVi(), Wire.name(m.platform().kind()),
                    Wire.name(m.verdict()), Math.round(m.score() * 1000) / 1000.0);
        }
    }

    record CheckJson(boolean needsConfirmation, List<MatchJson> national, List<MatchJson> local) {
    }

    record ProposalJson(UUID id, String province, String name, String description, String reason, String status,
            String decisionReason, String decidedBy, OffsetDateTime decidedAt, boolean sample, String createdBy,
            OffsetDateTime createdAt, int version) {

        static ProposalJson of(ProvinceProposal p) {
            return new ProposalJson(p.id(), p.provinceCode(), p.name(), p.description(), p.reason(),
                    Wire.name(p.status()), p.decisionReason(), p.decidedBy(), p.decidedAt(), p.sample(),
                    p.createdBy(), p.createdAt(), p.version());
        }
    }

    record NewProposalJson(String name, String description, String reason) {
    }

    record DecisionJson(String decision, String reason, Integer version) {
    }

    record ProvinceJson(AgencyRef province, LocalDate asOf, ExistenceJson existence, List<AgencyRef> predecessors,
            List<HeldPlanJson> plans, List<LocalPlatformJson> localPlatforms) {
    }

    record KpisJson(int provinces, int assigned, int inPlan, int byDecision, int deploying) {
        static KpisJson of(AdoptionFigures.Kpis k) {
            return new KpisJson(k.provinces(), k.assigned(), k.inPlan(), k.byDecision(), k.deploying());
        }
    }

    record ProvinceRowJson(AgencyRef province, String level, boolean assigned, boolean inPlan, boolean byDecision,
            boolean deploying, List<String> declaredBy, long inUse, long deployingPlatforms, long planned,
            boolean sample) {

        static ProvinceRowJson of(AdoptionFigures.ProvinceRow r) {
            return new ProvinceRowJson(AgencyRef.of(r.province()), Wire.name(r.level()), r.assigned(), r.inPlan(),
                    r.byDecision(), r.deploying(), r.declaredBy().stream().map(Agency::code).toList(),
                    r.count(AdoptionStatus.IN_USE), r.count(AdoptionStatus.DEPLOYING),
                    r.count(AdoptionStatus.PLANNED), r.sample());
        }
    }

    record PlatformRowJson(String code, String nameVi, AgencyRef owner, List<String> deploying, List<String> planned) {
        static PlatformRowJson of(AdoptionFigures.PlatformRow p) {
            return new PlatformRowJson(p.code(), p.nameVi(), AgencyRef.of(p.owner()),
                    p.deploying().stream().map(Agency::code).toList(), p.planned().stream().map(Agency::code).toList());
        }
    }

    record MinistryRowJson(AgencyRef ministry, int platforms, int platformsDeployed, int provinceDeployments) {
        static MinistryRowJson of(AdoptionFigures.MinistryRow m) {
            return new MinistryRowJson(AgencyRef.of(m.ministry()), m.platforms(), m.platformsDeployed(),
                    m.provinceDeployments());
        }
    }

    record PublishedJson(String key, String labelVi, String labelEn, java.math.BigDecimal value, LocalDate asOf,
            String source) {
        static PublishedJson of(ProgrammeFigure f) {
            return new PublishedJson(f.key(), f.labelVi(), f.labelEn(), f.value(), f.asOf(), f.source());
        }
    }

    /** {@code computed} comes from declarations; {@code published} are the programme's own figures, as published. */
    record SummaryJson(int year, LocalDate asOf, boolean sample, KpisJson computed, List<PublishedJson> published,
            List<ProvinceRowJson> provinces, List<PlatformRowJson> platforms, List<MinistryRowJson> ministries) {
    }

    record TrendJson(int year, LocalDate asOf, KpisJson computed) {
    }
}
