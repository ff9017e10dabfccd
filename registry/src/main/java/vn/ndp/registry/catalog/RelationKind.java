package vn.ndp.registry.catalog;

public enum RelationKind {
    DEPENDS_ON, USES, PROVIDES_DATA_TO
}
