package vn.ndp.registry.catalog;

/** The programme's three pillars: digital government, economy and society (Chính phủ số, Kinh tế số, Xã hội số). */
public enum Category {
    GOVERNMENT, ECONOMY, SOCIETY
}
