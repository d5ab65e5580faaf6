using Scalar.AspNetCore;
using Traceability.Api.Apis;
using Traceability.Api.Console;
using Traceability.Api.Binding;
using Traceability.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddTraceability();

var app = builder.Build();
app.UseHeadLikeGet(); // first: HEAD runs as GET through everything below, routing included
app.UseExceptionHandler();
app.UseStatusCodePages(Traceability.Api.Errors.StatusCodeProblems.WriteAsync);
app.UseEpcisBinding(); // the EPCIS REST binding's version, format and extension headers, read once
app.UseWebSockets(); // query subscriptions over WebSockets (GET /queries/{name}/events)
app.UseRouting();
app.UseWebAssets();
app.UseMiddleware<Traceability.Api.Auth.FailedAuthenticationLimiter>();
app.UseAuthentication();
app.UseConsoleCsrfProtection(); // console: cookie-authenticated writes need the session's CSRF token
app.UseRateLimiter();
app.UseAuthorization();
app.MapOpenApi();
app.MapScalarApiReference();

app.MapHealthApi();
app.MapAdminApi();
app.MapCaptureApi();
app.MapEventsApi();
app.MapTopLevelApi();
app.MapQueriesApi();
app.MapSubscriptionsApi();
app.MapDiscoveryApi();
app.MapQrApi();
app.MapLabelsApi();
app.MapBarcodesApi();
app.MapLabResultsApi();
app.MapProductsApi();
app.MapExportsApi();
app.MapTraceApi();
app.MapRecallsApi();
app.MapResolverApi();
app.MapScanApi();
app.MapLandingApi();
app.MapConsole(); // console: session, its server features and pages (Apis/Console*.cs, Console/)

app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host the API in tests.</summary>
public partial class Program;
