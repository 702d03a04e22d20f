namespace JetpackWhmcs.Operator.Notices;

/// <summary>What WHMCS tells its admins about a finished daily check.</summary>
/// <param name="Activity">One line for WHMCS's activity log (<c>LogActivity</c>).</param>
/// <param name="Subject">The admin e-mail's subject (<c>SendAdminEmail</c>).</param>
/// <param name="Message">The admin e-mail's plain-text message.</param>
public sealed record Notice(string Activity, string Subject, string Message);
