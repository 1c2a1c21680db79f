namespace StretchBot.Domain.Catalog;

/// <summary>The stretch catalog data is invalid; the message names the entry and the field.</summary>
public sealed class CatalogValidationException : Exception
{
    public CatalogValidationException(string message)
        : base(message)
    {
    }

    public CatalogValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
