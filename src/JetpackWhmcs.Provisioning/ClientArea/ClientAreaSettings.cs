using System.Globalization;
using JetpackWhmcs.Provisioning.Parameters;
using JetpackWhmcs.Whmcs;

namespace JetpackWhmcs.Provisioning.ClientArea;

/// <summary>
/// The client-area settings of the addon module <c>jetpack</c> (<c>tbladdonmodules</c>): how many site
/// changes a client may make per service in 24 hours (<c>client_changes_per_day</c>, default 5, 0 turns
/// self-service changes off) and whether the upsell panels show (<c>upsell</c>, off by default).
/// </summary>
internal sealed record ClientAreaSettings(int ChangesPerDay, bool Upsell)
{
    public const int DefaultChangesPerDay = 5;

    public const string ChangesPerDaySetting = "client_changes_per_day";

    public const string UpsellSetting = "upsell";

    public static ClientAreaSettings Defaults { get; } = new(DefaultChangesPerDay, false);

    public static async Task<ClientAreaSettings> ReadAsync(IWhmcsDatabase whmcs, CancellationToken ct)
    {
        var answer = await whmcs.ReadAddonModuleSettingsAsync(ct).ConfigureAwait(false);
        if (!answer.IsAvailable)
        {
            return Defaults;
        }

        var settings = answer.Value;
        // A blank or unreadable number keeps the default rather than switching the limit off.
        var changes = settings.TryGetValue(ChangesPerDaySetting, out var text)
            && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : DefaultChangesPerDay;
        var upsell = settings.TryGetValue(UpsellSetting, out var flag) && YesNo.IsYes(flag);
        return new ClientAreaSettings(changes, upsell);
    }
}
