using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Traceability.Api.Auth;

namespace Traceability.Api.Console;

/// <summary>Registers the console: its session scheme beside the API key's, CSRF protection, its options.</summary>
public static class ConsoleServices
{
    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section);
        services.AddSingleton<CsrfProtection>();
        // The console's ports, on the same adapter as every other port.
        services.AddSingleton<Storage.ISessionStore>(sp => sp.GetRequiredService<Storage.ITraceStore>());
        services.AddSingleton<Storage.ILabPhotoStore>(sp => sp.GetRequiredService<Storage.ITraceStore>());
        services.AddSingleton<Storage.IFollowUpStore>(sp => sp.GetRequiredService<Storage.ITraceStore>());
        services.AddSingleton<Lab.LabResultRecorder>();
        // One selector is the default scheme, so every policy authenticates a bearer key or a session cookie alike.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SessionAuthentication.SelectorScheme;
                o.DefaultChallengeScheme = SessionAuthentication.SelectorScheme;
            })
            .AddPolicyScheme(SessionAuthentication.SelectorScheme, "API key or console session", o =>
                o.ForwardDefaultSelector = context =>
                    SessionAuthentication.Select(context, context.RequestServices.GetRequiredService<IOptions<ConsoleOptions>>().Value.CookieName))
            .AddScheme<AuthenticationSchemeOptions, SessionAuthentication>(SessionAuthentication.SchemeName, null);
        return services;
    }

    /// <summary>The console's endpoints: its session, the server features its screens use, and its pages.</summary>
    public static WebApplication MapConsole(this WebApplication app)
    {
        Apis.ConsoleSessionApi.MapConsoleSessionApi(app);
        Apis.LabRecordsApi.MapLabRecordsApi(app);
        Apis.DirectoryApi.MapDirectoryApi(app);
        Apis.SupervisionApi.MapSupervisionApi(app);
        Apis.DashboardApi.MapDashboardApi(app);
        Apis.IncomingChecksApi.MapIncomingChecksApi(app);
        Apis.LotsApi.MapLotsApi(app);
        Apis.ConsolePagesApi.MapConsolePagesApi(app);
        return app;
    }

    /// <summary>After authentication: refuse cookie-authenticated writes without the session's token.</summary>
    public static WebApplication UseConsoleCsrfProtection(this WebApplication app)
    {
        app.UseMiddleware<CsrfProtection>();
        return app;
    }
}
