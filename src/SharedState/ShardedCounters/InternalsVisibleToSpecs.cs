using System.Runtime.CompilerServices;

// The specs force interleavings through the internal hooks of StripedCounter (a callback between two cell reads).
[assembly: InternalsVisibleTo("ActorConcurrency.Tests")]
