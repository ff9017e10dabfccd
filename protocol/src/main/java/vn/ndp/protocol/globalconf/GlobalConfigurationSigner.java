package vn.ndp.protocol.globalconf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;

import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.ndp.protocol.pki.Digests;
import vn.ndp.protocol.pki.KeyAlgorithm;

/**
 * Signs global configurations with the registry's key: a DER-encoded CMS SignedData (RFC 5652)
 * that encapsulates the canonical JSON, carries the signing certificate, and signs the
 * content-type, message-digest and signing-time attributes with SHA-256 and ECDSA (or RSA for an
 * RSA key). Served as {@value #MEDIA_TYPE}.
 */
public final class GlobalConfigurationSigner {

    public static final String MEDIA_TYPE = "application/pkcs7-mime; smime-type=signed-data";

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Clock clock;

    public GlobalConfigurationSigner(PrivateKey key, X509Certificate certificate, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public byte[] sign(GlobalConfiguration configuration) {
        byte[] json = GlobalConfigurationJson.write(configuration);
        try {
            String algorithm = KeyAlgorithm.ofKey(key).signatureAlgorithm();
            var signingTime = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(clock.instant())))));
            var signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingTime))
                    .build(new JcaContentSignerBuilder(algorithm).build(key), certificate);
            var generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificate(new JcaX509CertificateHolder(certificate));
            return generator.generate(new CMSProcessableByteArray(json), true).getEncoded("DER");
        } catch (OperatorCreationException | CertificateEncodingException | CMSException e) {
            throw new IllegalStateException("Cannot sign the global configuration", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A strong ETag for a signed document: the quoted, base64url SHA-256 of its bytes. */
    public static String etag(byte[] signed) {
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.sha256().digest(signed)) + "\"";
    }
}
