namespace JetpackWhmcs.Operator.Checks;

/// <summary>What asking for a drift check did.</summary>
/// <param name="Started">True when this call started it; false when one was running already.</param>
/// <param name="CheckId">The check now running (this call's, or the one already running; 0 when unknown).</param>
public sealed record CheckStart(bool Started, long CheckId);
