namespace StretchBot.Storage;

/// <summary>Which database every store keeps its data in ("Storage:Provider").</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file: nothing to install; every instance must run on the one host that has the file.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by any number of instances on any number of hosts.</summary>
    PostgreSQL,
}
