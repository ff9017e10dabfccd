/**
 * Local adoption: each province declares, per year, the national platforms it
 * deploys — the legal document (inside its digital-transformation plan, or a
 * separate decision of the provincial People's Committee), the status of each
 * platform and, "rõ người, rõ việc" (Decision 186/QĐ-BTTTT), the department and
 * person responsible ({@link vn.ndp.registry.adoption.AdoptionDesk}). Provinces
 * register their own local platforms, checked for overlap with the national
 * ones before they are saved, and change or remove them (a removed platform is
 * kept with its history) ({@link vn.ndp.registry.adoption.LocalPlatforms}),
 * and propose platforms for the national list
 * ({@link vn.ndp.registry.adoption.ProvinceProposals}).
 * <p>
 * Declarations keep the province they were made under. From 1 July 2025 the
 * 63 former provinces' declarations roll up to the 34 provinces that
 * succeeded them, and so do their local platforms, which the successor's
 * editors change or remove (nothing new is registered under a former
 * province); {@link vn.ndp.registry.adoption.AdoptionFigures} computes the
 * programme's figures (assigned, declared in a plan, by separate decision,
 * deploying) for any year as of any date, beside the published ones. Pages
 * under {@code /adoption}, API under {@code /api/v1/adoption}; CSV, XLSX and
 * PDF reports; {@code ./ndp demo} adds sample declarations (marked as sample).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Local adoption")
package vn.ndp.registry.adoption;
