using System.Text.Encodings.Web;

namespace JetpackWhmcs.Service.Admin.Standalone;

/// <summary>
/// The page around a rendered admin page when the service serves it itself: a small inline stylesheet
/// restating the few Bootstrap 3 classes the pages use (no CDN: the pages work offline), the title and
/// who is signed in. Only the title and the admin's name are values, and both are encoded here.
/// </summary>
public static class StandaloneDocument
{
    private const string Style = """
        body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;font-size:14px;color:#333;margin:0;background:#f5f6f8}
        header{background:#069e08;color:#fff;padding:10px 20px}header small{opacity:.85;margin-left:10px}
        main{padding:15px 20px;max-width:1400px}a{color:#0675c4;text-decoration:none}a:hover{text-decoration:underline}
        code{background:#f0f0f0;padding:1px 4px;border-radius:3px;font-size:90%}
        .nav-tabs{list-style:none;padding:0;margin:0 0 15px;border-bottom:1px solid #ddd;display:flex}
        .nav-tabs li a{display:block;padding:8px 14px;border:1px solid transparent;border-radius:4px 4px 0 0}
        .nav-tabs li.active a{background:#fff;border-color:#ddd #ddd #fff;color:#555}
        .table{width:100%;border-collapse:collapse;background:#fff;margin-bottom:15px}.table th,.table td{padding:5px 8px;border-top:1px solid #ddd;text-align:left;vertical-align:top}
        .table-striped tbody tr:nth-child(odd){background:#f9f9f9}.table tr.warning{background:#fcf8e3}
        .label{display:inline-block;padding:2px 6px;border-radius:3px;color:#fff;font-size:85%}
        .label-success{background:#5cb85c}.label-warning{background:#f0ad4e}.label-info{background:#5bc0de}.label-default{background:#777}
        .btn{display:inline-block;padding:5px 12px;border:1px solid #ccc;border-radius:4px;background:#fff;color:#333;cursor:pointer;font-size:14px}
        .btn-primary{background:#337ab7;border-color:#2e6da4;color:#fff}.btn-danger{background:#d9534f;border-color:#d43f3a;color:#fff}.btn-sm{padding:3px 9px;font-size:12px}
        .alert{padding:10px 15px;border:1px solid transparent;border-radius:4px;margin-bottom:15px}
        .alert-danger{background:#f2dede;color:#a94442}.alert-success{background:#dff0d8;color:#3c763d}.alert-warning{background:#fcf8e3;color:#8a6d3b}.alert-info{background:#d9edf7;color:#31708f}
        .form-inline .form-group{display:inline-block;margin:0 8px 8px 0}.form-control{padding:5px 8px;border:1px solid #ccc;border-radius:4px;font-size:14px}
        .panel{border:1px solid #ddd;border-radius:4px;background:#fff;margin-bottom:15px}.panel-heading{padding:8px 15px;border-bottom:1px solid #ddd}.panel-body{padding:15px}
        .panel-danger .panel-heading{background:#f2dede}.panel-warning .panel-heading{background:#fcf8e3}
        .row{display:flex;gap:20px;flex-wrap:wrap}.col-md-6{flex:1 1 45%}.text-muted{color:#777}.text-warning{color:#8a6d3b}
        .pager{list-style:none;padding:0;display:flex;justify-content:space-between}.sr-only{position:absolute;left:-9999px}
        """;

    /// <summary>The whole HTML document around <paramref name="body"/>, which is rendered (and encoded) already.</summary>
    public static string Wrap(string title, AdminUser admin, string body)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var encoder = HtmlEncoder.Default;
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{encoder.Encode(title)} · jetpack-whmcs</title><style>{Style}</style></head>
            <body><header><strong>Jetpack licences</strong><small>{encoder.Encode(admin.DisplayName)} · pages served by jetpack-whmcs without WHMCS</small></header>
            <main>{body}</main></body>
            </html>
            """;
    }

    /// <summary>A short document with one sentence (a refused or expired link, a failed CSRF check).</summary>
    public static string Sentence(string title, string sentence)
    {
        var encoder = HtmlEncoder.Default;
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{encoder.Encode(title)}</title><style>{Style}</style></head>
            <body><main><div class="alert alert-danger" role="alert">{encoder.Encode(sentence)}</div></main></body></html>
            """;
    }
}
