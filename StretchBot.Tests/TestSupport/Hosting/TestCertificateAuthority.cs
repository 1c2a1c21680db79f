using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// A throw-away certificate authority for one test run: a root (written as PEM to a temp file, to be trusted by a child
/// process through SSL_CERT_FILE) and a server certificate for 127.0.0.1 signed by it. Nothing is added to the
/// machine's or the user's certificate stores.
/// </summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "stretchbot-ca-" + Guid.NewGuid().ToString("N"));

    public TestCertificateAuthority()
    {
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=StretchBot test root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = serverRequest.Create(root, now.AddDays(-1), now.AddDays(7), RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(serverKey);
        ServerCertificate = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);

        Directory.CreateDirectory(_folder);
        RootPemFile = Path.Combine(_folder, "root.pem");
        File.WriteAllText(RootPemFile, root.ExportCertificatePem());
    }

    public X509Certificate2 ServerCertificate { get; }

    public string RootPemFile { get; }

    public void Dispose()
    {
        ServerCertificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
