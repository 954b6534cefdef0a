using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;

namespace ActorConcurrency.Actors.Hosting;

/// <summary>
/// Akka.NET's log goes to standard error, never standard output: the host's standard output carries results and
/// status lines that people read and scripts parse, and a warning or a stack trace in the middle of them (or
/// inside a progress display) breaks both. Configured as the only logger in <c>hocon/base.conf</c>.
/// </summary>
public sealed class StandardErrorLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    /// <summary>Creates the logger; Akka.NET instantiates it from the <c>akka.loggers</c> setting.</summary>
    public StandardErrorLogger()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(e => Console.Error.WriteLine(e.ToString()));
    }
}
