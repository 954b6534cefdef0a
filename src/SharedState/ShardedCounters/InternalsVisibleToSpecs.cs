using System.Runtime.CompilerServices;

// The specs force interleavings through the internal hooks of StripedCounter (a callback between two cell
// reads); task 19's experiment (src/Demonstrations) reads how many snapshot passes were discarded.
[assembly: InternalsVisibleTo("ActorConcurrency.Tests")]
[assembly: InternalsVisibleTo("ActorConcurrency.Demonstrations")]
