using System.Globalization;

namespace JetpackWhmcs.Operator.Products;

/// <summary>How the original addon module named a WHMCS product after its Jetpack product.</summary>
public static class ProductNaming
{
    /// <summary>The slug with dashes as spaces and each word capitalised: <c>jetpack-backup-daily</c> → <c>Jetpack Backup Daily</c>.</summary>
    public static string FromSlug(string slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var words = slug.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]);
        return string.Join(' ', words);
    }
}
