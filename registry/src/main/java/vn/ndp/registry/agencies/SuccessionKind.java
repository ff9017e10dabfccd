package vn.ndp.registry.agencies;

public enum SuccessionKind {
    /** The predecessor was merged into the successor. */
    MERGED,
    /** The same body under a new name or status. */
    RENAMED,
    /** The predecessor's functions went to several successors; the main one carries its platforms. */
    SPLIT
}
