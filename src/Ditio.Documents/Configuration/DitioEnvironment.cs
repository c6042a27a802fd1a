namespace Ditio.Documents;

/// <summary>The Ditio environment whose identity server and integration API the client talks to.</summary>
public enum DitioEnvironment
{
    /// <summary>Ditio's test environment (<c>identity.ditio.dev</c>, <c>core-api.ditio.dev/core</c>). The default.</summary>
    Test = 0,

    /// <summary>Ditio's production environment (<c>identity.ditio.app</c>, <c>core-api.ditio.app/core</c>).</summary>
    Production = 1,
}
