namespace OtSecurity.Capture.Dispatch;

/// <summary>Why a flow was given to a dissector.</summary>
public enum DispatchReason
{
    /// <summary>Not (yet) given to any dissector.</summary>
    None = 0,

    /// <summary>A <c>--decode-as</c> rule names one of its ports.</summary>
    DecodeAs,

    /// <summary>One of its ports is the dissector's well-known port.</summary>
    Port,

    /// <summary>The dissector's content probe recognised the flow's first bytes.</summary>
    Content,
}
