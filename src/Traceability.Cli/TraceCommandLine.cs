using System.CommandLine;
using Traceability.Cli.Commands;

namespace Traceability.Cli;

/// <summary>The <c>trace</c> command line: one sub-command per file under Commands/.</summary>
public static class TraceCommandLine
{
    public static RootCommand CreateRoot() => new("Command-line tools for the Traceability system")
    {
        HashCommand.Create(),
        VerifyCommand.Create(),
        Demo.DemoCommand.Create(),
    };
}
