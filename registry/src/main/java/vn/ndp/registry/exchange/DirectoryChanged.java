package vn.ndp.registry.exchange;

/** Something in the exchange directory changed; the next global configuration must show it. */
public record DirectoryChanged(String what) {
}
