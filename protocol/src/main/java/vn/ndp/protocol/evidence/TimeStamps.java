package vn.ndp.protocol.evidence;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

import vn.ndp.protocol.pki.Pem;

/** Checks RFC 3161 time-stamp tokens over a SHA-256 imprint. */
public final class TimeStamps {

    private TimeStamps() {
    }

    /** A verified token: when, and by which TSA certificate. */
    public record Verified(Instant time, X509Certificate tsaCertificate) {

        public String tsaFingerprint() {
            return Pem.sha256Fingerprint(tsaCertificate);
        }
    }

    /**
     * Verifies the token's signature with the TSA certificate it carries (which must be valid at
     * the stamped time, carry the critical timeStamping extended key usage and match the signed
     * certificate identifier), that the token is DER exactly as given, and that it stamps
     * {@code imprint} with SHA-256.
     */
    public static Verified verify(byte[] token, byte[] imprint) {
        TimeStampToken parsed;
        try {
            CMSSignedData data = new CMSSignedData(token);
            if (!Arrays.equals(data.toASN1Structure().getEncoded("DER"), token)) {
                throw new EvidenceException("the time-stamp token is not in DER form");
            }
            strictStructure(data);
            parsed = new TimeStampToken(data);
        } catch (CMSException | TSPException | IOException | IllegalArgumentException | ClassCastException | ArithmeticException e) {
            throw new EvidenceException("the time-stamp token cannot be parsed: " + e.getMessage());
        }
        var info = parsed.getTimeStampInfo();
        if (!info.getMessageImprintAlgOID().equals(NISTObjectIdentifiers.id_sha256)
                || !Arrays.equals(info.getMessageImprintDigest(), imprint)) {
            throw new EvidenceException("the time-stamp token stamps another hash");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = parsed.getCertificates().getMatches(parsed.getSID());
        if (matches.isEmpty()) {
            throw new EvidenceException("the time-stamp token does not carry its TSA certificate");
        }
        X509CertificateHolder holder = matches.iterator().next();
        try {
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return new Verified(info.getGenTime().toInstant(), certificate);
        } catch (TSPException | OperatorCreationException | CertificateException e) {
            throw new EvidenceException("the time-stamp token's signature does not verify: " + e.getMessage());
        }
    }

    /**
     * Refuses the parts of a CMS envelope that no signature covers unless they hold the one value
     * a token can have: signed data version 3, digest algorithms exactly the signer's, one signer
     * without unsigned attributes, its version matching its identifier, no CRLs, and only the
     * signer's certificate. So no byte of a token can change unnoticed.
     */
    private static void strictStructure(CMSSignedData data) {
        var content = data.toASN1Structure();
        if (!content.getContentType().equals(org.bouncycastle.asn1.cms.CMSObjectIdentifiers.signedData)) {
            throw new EvidenceException("the time-stamp token is not CMS signed data");
        }
        var signed = org.bouncycastle.asn1.cms.SignedData.getInstance(content.getContent());
        if (signed.getVersion().intValueExact() != 3 || signed.getCRLs() != null
                || signed.getSignerInfos().size() != 1 || signed.getCertificates() == null
                || signed.getCertificates().size() != 1
                || !signed.getEncapContentInfo().getContentType().equals(
                        org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_ct_TSTInfo)) {
            throw new EvidenceException("the time-stamp token has an unexpected structure");
        }
        var signer = org.bouncycastle.asn1.cms.SignerInfo.getInstance(signed.getSignerInfos().getObjectAt(0));
        int expectedVersion = signer.getSID().isTagged() ? 3 : 1;
        if (signer.getVersion().intValueExact() != expectedVersion || signer.getUnauthenticatedAttributes() != null
                || signed.getDigestAlgorithms().size() != 1
                || !org.bouncycastle.asn1.x509.AlgorithmIdentifier.getInstance(signed.getDigestAlgorithms().getObjectAt(0))
                        .equals(signer.getDigestAlgorithm())) {
            throw new EvidenceException("the time-stamp token's signer information has an unexpected structure");
        }
    }

    /** The hash a stamp over batch roots covers: the Merkle root of those roots. */
    public static byte[] imprintOf(List<byte[]> batchRoots) {
        return MerkleTree.root(batchRoots);
    }
}
