namespace OtSecurity.Capture.Dissection;

/// <summary>The role of a message in its exchange.</summary>
public enum MessageDirection
{
    /// <summary>Neither the transport nor the content tells.</summary>
    Unknown = 0,

    /// <summary>Sent by the client/master to the server/outstation.</summary>
    Request,

    /// <summary>Sent by the server/outstation in answer to a request.</summary>
    Response,

    /// <summary>Sent by a server/outstation without a request (unsolicited response, spontaneous data, notification).</summary>
    Unsolicited,
}
