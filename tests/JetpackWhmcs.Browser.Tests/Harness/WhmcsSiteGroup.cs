namespace JetpackWhmcs.Browser.Tests.Harness;

/// <summary>Every browser test shares one WHMCS site (starting MariaDB's database, the service, PHP and Chromium once).</summary>
[CollectionDefinition(Name)]
public sealed class WhmcsSiteGroup : ICollectionFixture<WhmcsSite>
{
    public const string Name = "whmcs site";
}
