using OtSecurity.Cli;

return OtsecApp.Run(args, Console.Out, Console.Error);
