package vn.ndp.protocol.evidence;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import vn.ndp.protocol.pki.Digests;

/**
 * Merkle tree hash and audit paths as in RFC 6962 section 2.1 (SHA-256, leaf prefix 0x00, node
 * prefix 0x01), over leaves that are themselves hashes (record hashes, or batch roots).
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** A tree's root and each leaf's audit path (deepest sibling first). */
    public record Built(byte[] root, List<List<byte[]>> proofs) {
    }

    public static Built build(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("A Merkle tree needs at least one leaf");
        }
        List<List<byte[]>> proofs = new ArrayList<>(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            proofs.add(new ArrayList<>(8));
        }
        byte[] root = build(leaves, 0, leaves.size(), proofs, Digests.sha256());
        return new Built(root, proofs);
    }

    public static byte[] root(List<byte[]> leaves) {
        return build(leaves).root();
    }

    private static byte[] build(List<byte[]> leaves, int from, int to, List<List<byte[]>> proofs, MessageDigest digest) {
        if (to - from == 1) {
            return leaf(leaves.get(from), digest);
        }
        int split = from + largestPowerOfTwoBelow(to - from);
        byte[] left = build(leaves, from, split, proofs, digest);
        byte[] right = build(leaves, split, to, proofs, digest);
        for (int i = from; i < split; i++) {
            proofs.get(i).add(right);
        }
        for (int i = split; i < to; i++) {
            proofs.get(i).add(left);
        }
        return node(left, right, digest);
    }

    /** The root that leaf {@code index} of {@code count} leaves implies with this audit path; empty if the path has the wrong length. */
    public static java.util.Optional<byte[]> rootFromProof(byte[] leaf, int index, int count, List<byte[]> proof) {
        if (count < 1 || index < 0 || index >= count) {
            return java.util.Optional.empty();
        }
        int[] cursor = {proof.size()};
        MessageDigest digest = Digests.sha256();
        byte[] root;
        try {
            root = climb(leaf(leaf, digest), index, count, proof, cursor, digest);
        } catch (IndexOutOfBoundsException e) {
            return java.util.Optional.empty();
        }
        return cursor[0] == 0 ? java.util.Optional.of(root) : java.util.Optional.empty();
    }

    private static byte[] climb(byte[] leafHash, int index, int count, List<byte[]> proof, int[] cursor, MessageDigest digest) {
        if (count == 1) {
            return leafHash;
        }
        int split = largestPowerOfTwoBelow(count);
        byte[] sibling = proof.get(--cursor[0]);
        if (index < split) {
            return node(climb(leafHash, index, split, proof, cursor, digest), sibling, digest);
        }
        return node(sibling, climb(leafHash, index - split, count - split, proof, cursor, digest), digest);
    }

    private static byte[] leaf(byte[] data, MessageDigest digest) {
        digest.update((byte) 0);
        digest.update(data);
        return digest.digest();
    }

    private static byte[] node(byte[] left, byte[] right, MessageDigest digest) {
        digest.update((byte) 1);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
