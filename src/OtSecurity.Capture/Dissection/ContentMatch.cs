namespace OtSecurity.Capture.Dissection;

/// <summary>The answer of a content probe over a flow's first bytes.</summary>
public enum ContentMatch
{
    /// <summary>These bytes are not this protocol.</summary>
    No = 0,

    /// <summary>Too few bytes to tell; ask again with more.</summary>
    NeedMoreData,

    /// <summary>These bytes are this protocol.</summary>
    Yes,
}
