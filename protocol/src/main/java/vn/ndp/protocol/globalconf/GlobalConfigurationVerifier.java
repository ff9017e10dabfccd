package vn.ndp.protocol.globalconf;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import vn.ndp.protocol.globalconf.GlobalConfigurationRejectedException.Reason;

/**
 * What a gateway calls on every download of the global configuration. It accepts a document
 * only if it is a CMS SignedData signed by the configured anchor (the registry's signing
 * certificate, issued by the national CA), for this instance, not expired by the injected
 * clock, and not older than the last version this verifier accepted. Re-accepting the same
 * version is allowed, so that a gateway can verify its saved copy again at start.
 */
public final class GlobalConfigurationVerifier {

    private static final Set<String> ACCEPTED_DIGESTS = Set.of(
            NISTObjectIdentifiers.id_sha256.getId(),
            NISTObjectIdentifiers.id_sha384.getId(),
            NISTObjectIdentifiers.id_sha512.getId());

    private final X509Certificate anchor;
    private final X509CertificateHolder anchorHolder;
    private final String instance;
    private final Clock clock;
    private long lastAcceptedVersion;

    /**
     * @param anchor              the registry's signing certificate
     * @param instance            this exchange's instance, e.g. {@code VN}
     * @param lastAcceptedVersion the version of the copy the gateway already trusts, 0 for none
     */
    public GlobalConfigurationVerifier(X509Certificate anchor, String instance, Clock clock, long lastAcceptedVersion) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastAcceptedVersion = lastAcceptedVersion;
        try {
            this.anchorHolder = new JcaX509CertificateHolder(anchor);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("Unreadable anchor certificate", e);
        }
    }

    public synchronized long lastAcceptedVersion() {
        return lastAcceptedVersion;
    }

    /**
     * Verifies a kept copy offline, as evidence of the revocations it lists (ADR 0007): a CMS SignedData exactly as
     * {@link GlobalConfigurationSigner} writes it (DER, one signer without unsigned attributes, only the signer's
     * certificate, no CRLs, so that no byte can change unnoticed), signed by a configuration-signing certificate that
     * {@code nationalCa} issued (key usage non-repudiation and no TLS purpose: a gateway's certificate, which the same
     * CA issues, cannot sign a configuration), valid when it signed, for {@code instance}. Its expiry is ignored: the
     * question is what it said, not whether a gateway may still serve from it.
     */
    public static VerifiedGlobalConfiguration verifyOffline(byte[] signed, X509Certificate nationalCa, String instance)
            throws GlobalConfigurationRejectedException {
        try {
            return verifyOfflineStrictly(signed, nationalCa, instance);
        } catch (RuntimeException e) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED,
                    "The global configuration cannot be read: " + e.getMessage(), e);
        }
    }

    private static VerifiedGlobalConfiguration verifyOfflineStrictly(byte[] signed, X509Certificate nationalCa,
                                                                     String instance)
            throws GlobalConfigurationRejectedException {
        CMSSignedData data = parse(signed);
        strictStructure(data, signed);
        SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = data.getCertificates().getMatches(signer.getSID());
        if (matches.size() != 1) {
            throw new GlobalConfigurationRejectedException(Reason.UNTRUSTED_SIGNER,
                    "The global configuration does not carry the certificate that signed it");
        }
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (java.security.cert.CertificateException e) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED, "Unreadable signing certificate", e);
        }
        try {
            if (!certificate.getIssuerX500Principal().equals(nationalCa.getSubjectX500Principal())) {
                throw new java.security.SignatureException("issued by " + certificate.getIssuerX500Principal().getName());
            }
            certificate.verify(nationalCa.getPublicKey());
        } catch (java.security.GeneralSecurityException e) {
            throw new GlobalConfigurationRejectedException(Reason.UNTRUSTED_SIGNER, "The global configuration was signed"
                    + " by " + certificate.getSubjectX500Principal().getName() + ", whose certificate the national CA "
                    + nationalCa.getSubjectX500Principal().getName() + " did not issue (" + e.getMessage() + ")", e);
        }
        if (!isConfigurationSigning(certificate)) {
            throw new GlobalConfigurationRejectedException(Reason.UNTRUSTED_SIGNER, "The global configuration was signed"
                    + " by " + certificate.getSubjectX500Principal().getName() + ", which is not a configuration-signing"
                    + " certificate (key usage non-repudiation, no TLS purpose)");
        }
        checkSignatureAlgorithm(signer);
        Instant signedAt = signingTime(signer);
        verifiedBy(signer, certificate, signedAt);
        GlobalConfiguration configuration = content(data, instance);
        return new VerifiedGlobalConfiguration(configuration, signed, certificate, signedAt);
    }

    private static boolean isConfigurationSigning(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        try {
            List<String> purposes = certificate.getExtendedKeyUsage();
            return usage != null && usage[0] && usage[1] && certificate.getBasicConstraints() < 0
                    && (purposes == null || !(purposes.contains(KeyPurposeId.id_kp_serverAuth.getId())
                            || purposes.contains(KeyPurposeId.id_kp_clientAuth.getId())));
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    /**
     * Refuses what no signature covers unless it holds the one value the signer writes: DER, signed data version 1,
     * the signer's digest algorithm alone, one signer (version 1) without unsigned attributes, one certificate, no CRLs;
     * and the content type of the envelope says signed data, the signed attributes carry their own tag and the
     * certificate's signature no pad bits (none of which the parser checks).
     */
    private static void strictStructure(CMSSignedData data, byte[] signed) throws GlobalConfigurationRejectedException {
        try {
            if (!Arrays.equals(data.toASN1Structure().getEncoded("DER"), signed)) {
                throw new GlobalConfigurationRejectedException(Reason.MALFORMED, "The global configuration is not in DER form");
            }
            var content = org.bouncycastle.asn1.cms.SignedData.getInstance(data.toASN1Structure().getContent());
            if (!data.toASN1Structure().getContentType().equals(CMSObjectIdentifiers.signedData)
                    || content.getVersion().intValueExact() != 1 || content.getCRLs() != null
                    || content.getSignerInfos().size() != 1 || content.getCertificates() == null
                    || content.getCertificates().size() != 1 || content.getDigestAlgorithms().size() != 1) {
                throw new GlobalConfigurationRejectedException(Reason.MALFORMED,
                        "The global configuration's CMS envelope has an unexpected structure");
            }
            ASN1Encodable rawSigner = content.getSignerInfos().getObjectAt(0);
            var signer = org.bouncycastle.asn1.cms.SignerInfo.getInstance(rawSigner);
            var certificate = org.bouncycastle.asn1.x509.Certificate.getInstance(content.getCertificates().getObjectAt(0));
            // the parser takes any tag for the signed attributes, and a signature with a pad bit may still verify
            if (!Arrays.equals(signer.getEncoded("DER"), rawSigner.toASN1Primitive().getEncoded("DER"))
                    || certificate.getSignature().getPadBits() != 0
                    || signer.getVersion().intValueExact() != 1 || signer.getUnauthenticatedAttributes() != null
                    || !AlgorithmIdentifier.getInstance(content.getDigestAlgorithms().getObjectAt(0))
                            .equals(signer.getDigestAlgorithm())) {
                throw new GlobalConfigurationRejectedException(Reason.MALFORMED,
                        "The global configuration's signer information has an unexpected structure");
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED,
                    "The global configuration's CMS envelope cannot be read: " + e.getMessage(), e);
        }
    }

    /** The signed configuration, if it is well formed and for {@code instance}. */
    private static GlobalConfiguration content(CMSSignedData data, String instance)
            throws GlobalConfigurationRejectedException {
        GlobalConfiguration configuration;
        try {
            configuration = GlobalConfigurationJson.read((byte[]) data.getSignedContent().getContent());
        } catch (IllegalArgumentException e) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED, e.getMessage(), e);
        }
        if (!configuration.instance().equals(instance)) {
            throw new GlobalConfigurationRejectedException(Reason.WRONG_INSTANCE,
                    "The global configuration is for instance " + configuration.instance() + ", not " + instance);
        }
        return configuration;
    }

    private static void checkSignatureAlgorithm(SignerInformation signer)
            throws GlobalConfigurationRejectedException {
        if (signer.getSignedAttributes() == null) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED, "The signature has no signed attributes");
        }
        if (!ACCEPTED_DIGESTS.contains(signer.getDigestAlgOID())) {
            throw new GlobalConfigurationRejectedException(Reason.BAD_SIGNATURE,
                    "The digest algorithm " + signer.getDigestAlgOID() + " is not accepted; use SHA-256 or stronger");
        }
    }

    public synchronized VerifiedGlobalConfiguration verify(byte[] signed) throws GlobalConfigurationRejectedException {
        Instant now = clock.instant();
        CMSSignedData data = parse(signed);
        SignerInformation signer = onlySigner(data);
        Instant signedAt = signingTime(signer);
        verifySignature(signer, now, signedAt);

        GlobalConfiguration configuration = content(data, instance);
        if (configuration.version() < lastAcceptedVersion) {
            throw new GlobalConfigurationRejectedException(Reason.ROLLBACK, "The global configuration version "
                    + configuration.version() + " is older than version " + lastAcceptedVersion + ", already accepted");
        }
        if (configuration.isExpiredAt(now)) {
            throw new GlobalConfigurationRejectedException(Reason.EXPIRED, "The global configuration version "
                    + configuration.version() + " expired at " + configuration.expiresAt());
        }
        lastAcceptedVersion = configuration.version();
        return new VerifiedGlobalConfiguration(configuration, signed, anchor, signedAt);
    }

    private static CMSSignedData parse(byte[] signed) throws GlobalConfigurationRejectedException {
        if (signed == null || signed.length == 0) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED, "The global configuration is empty");
        }
        try {
            CMSSignedData data = new CMSSignedData(signed);
            if (data.getSignedContent() == null
                    || !CMSObjectIdentifiers.data.getId().equals(data.getSignedContentTypeOID())) {
                throw new GlobalConfigurationRejectedException(Reason.MALFORMED,
                        "The signed global configuration does not encapsulate its content");
            }
            return data;
        } catch (CMSException | RuntimeException e) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED,
                    "The global configuration is not a CMS SignedData: " + e.getMessage(), e);
        }
    }

    private SignerInformation onlySigner(CMSSignedData data) throws GlobalConfigurationRejectedException {
        Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED,
                    "The global configuration has " + signers.size() + " signers; expected one");
        }
        SignerInformation signer = signers.iterator().next();
        if (!signer.getSID().match(anchorHolder)) {
            throw new GlobalConfigurationRejectedException(Reason.UNTRUSTED_SIGNER,
                    "The global configuration was signed by " + signer.getSID().getIssuer() + " serial "
                            + (signer.getSID().getSerialNumber() == null ? "?" : signer.getSID().getSerialNumber().toString(16))
                            + ", not by the configured anchor " + anchor.getSubjectX500Principal().getName());
        }
        checkSignatureAlgorithm(signer);
        return signer;
    }

    private static Instant signingTime(SignerInformation signer) throws GlobalConfigurationRejectedException {
        Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED, "The signature has no signing time");
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        try {
            return Time.getInstance(value).getDate().toInstant();
        } catch (IllegalArgumentException e) {
            throw new GlobalConfigurationRejectedException(Reason.MALFORMED, "Unreadable signing time", e);
        }
    }

    private void verifySignature(SignerInformation signer, Instant now, Instant signedAt)
            throws GlobalConfigurationRejectedException {
        try {
            anchor.checkValidity(java.util.Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new GlobalConfigurationRejectedException(Reason.SIGNER_CERTIFICATE_NOT_VALID,
                    "The anchor certificate is not valid at " + now + ": " + e.getMessage(), e);
        }
        verifiedBy(signer, anchor, signedAt);
    }

    /** Refuses {@code signer}'s signature unless {@code certificate} verifies it and was valid when it was made. */
    private static void verifiedBy(SignerInformation signer, X509Certificate certificate, Instant signedAt)
            throws GlobalConfigurationRejectedException {
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                throw new GlobalConfigurationRejectedException(Reason.BAD_SIGNATURE,
                        "The global configuration's signature does not verify");
            }
        } catch (CMSVerifierCertificateNotValidException e) {
            throw new GlobalConfigurationRejectedException(Reason.SIGNER_CERTIFICATE_NOT_VALID,
                    "The signing certificate was not valid at the signing time " + signedAt, e);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            throw new GlobalConfigurationRejectedException(Reason.BAD_SIGNATURE,
                    "The global configuration's signature does not verify: " + e.getMessage(), e);
        }
    }
}
