namespace Traceability.Api.Consumer;

/// <summary>
/// Counts writes that can change what consumers see (events, anchors, recalls, products). Consumer stories
/// are cached per lot and rebuilt when this moves, so a scan costs a dictionary lookup while nothing changes
/// and a recall shows on the very next scan.
/// </summary>
public sealed class StoryVersion
{
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}
