namespace StretchBot.Hosting;

/// <summary>
/// Stands in for an exception when it is logged: keeps its type and stack trace (and those of its inner
/// exceptions) but not its message, because a message can quote what the user said ("'my knee hurts' is not a
/// number"), and health data never goes to the logs.
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string? _stackTrace;

    private RedactedException(Exception original)
        : base(
            $"{original.GetType().FullName} (message withheld from the log: it may quote the user)",
            original.InnerException is null ? null : new RedactedException(original.InnerException))
    {
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        _stackTrace = original.StackTrace;
    }

    /// <summary>The full name of the exception type that was thrown.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => _stackTrace;

    public static RedactedException From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception as RedactedException ?? new RedactedException(exception);
    }
}
