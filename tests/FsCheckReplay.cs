// Compiled into every test project only when CI=true (see Directory.Build.props): CI runs every FsCheck
// property from one fixed replay seed, so a red CI run is reproducible bit for bit on any machine, while
// local runs keep exploring fresh random cases. To replay a local failure, copy the "(seed,gamma)" pair
// FsCheck prints into a [Properties(Replay = ...)] on the failing class.
[assembly: FsCheck.Xunit.Properties(Replay = "(20261125,1442695040888963407)")]
