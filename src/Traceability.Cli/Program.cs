using Traceability.Cli;

return await TraceCommandLine.CreateRoot().Parse(args).InvokeAsync();
