namespace GuoduActors.Silo.Hosting;

/// <summary>A problem that stops the host from starting, worded for the person who runs it: one clear sentence.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
