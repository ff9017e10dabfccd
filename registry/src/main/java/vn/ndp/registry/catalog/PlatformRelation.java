package vn.ndp.registry.catalog;

public record PlatformRelation(String fromCode, String toCode, RelationKind kind, String source) {
}
