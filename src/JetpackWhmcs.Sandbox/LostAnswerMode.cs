namespace JetpackWhmcs.Sandbox;

/// <summary>How a "lost answer" fault reaches the client after the work was done.</summary>
public enum LostAnswerMode
{
    /// <summary>The client gets a 500 with a JSON error body.</summary>
    Http500,

    /// <summary>The connection is dropped without any answer.</summary>
    DropConnection,
}
