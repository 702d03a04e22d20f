using System.Globalization;
using JetpackWhmcs.Whmcs.Pricing;

namespace JetpackWhmcs.Operator.Costs;

/// <summary>
/// Brings amounts in WHMCS's currencies to the partner's currency with WHMCS's own exchange rates:
/// <c>tblcurrencies.rate</c> is each currency's rate against the default currency, so an amount is
/// divided by its currency's rate (giving the default currency) and multiplied by the partner
/// currency's rate. Without the partner's currency among WHMCS's, only amounts already in it compare.
/// </summary>
public sealed class CurrencyComparison(IReadOnlyList<WhmcsCurrency> currencies, string partnerCurrency)
{
    private readonly WhmcsCurrency? partner = currencies.FirstOrDefault(c => string.Equals(c.Code, partnerCurrency, StringComparison.OrdinalIgnoreCase));

    /// <summary>The currency by WHMCS id, or null.</summary>
    public WhmcsCurrency? ById(long id) => currencies.FirstOrDefault(c => c.Id == id);

    /// <summary><paramref name="amount"/> in <paramref name="currency"/> brought to the partner's currency, or null when it cannot be.</summary>
    public decimal? ToPartner(decimal amount, WhmcsCurrency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (string.Equals(currency.Code, partnerCurrency, StringComparison.OrdinalIgnoreCase))
        {
            return amount;
        }

        return partner is null || currency.Rate <= 0 ? null : amount / currency.Rate * partner.Rate;
    }

    /// <summary>The sentence the costs page shows about how currencies were compared.</summary>
    public string Sentence
    {
        get
        {
            var standard = currencies.FirstOrDefault(c => c.IsDefault);
            if (currencies.Count == 0)
            {
                return $"WHMCS's currencies are not available, so only the partner's cost in {partnerCurrency} is shown.";
            }

            if (partner is null)
            {
                return $"WHMCS has no {partnerCurrency} currency, so revenue in other currencies is not compared with the partner's {partnerCurrency} cost: " +
                       $"add {partnerCurrency} with its rate against {standard?.Code ?? "the default currency"} in WHMCS's currency settings to see those margins.";
            }

            return standard is null || string.Equals(standard.Code, partnerCurrency, StringComparison.OrdinalIgnoreCase)
                ? $"Revenue in other currencies is brought to {partnerCurrency}, WHMCS's default currency, with WHMCS's exchange rates (each amount divided by its currency's rate)."
                : $"Revenue is brought to {partnerCurrency} with WHMCS's exchange rates against the default currency {standard.Code}: " +
                  $"each amount divided by its currency's rate, then multiplied by {partnerCurrency}'s rate ({partner.Rate.ToString("0.#####", CultureInfo.InvariantCulture)}).";
        }
    }
}
