namespace JetpackWhmcs.Chaos.Processes;

/// <summary>Waits for a process started by the run to answer HTTP.</summary>
internal static class HttpWait
{
    public static async Task UntilAnswersAsync(HttpClient http, Uri uri, ChildProcess process, string logPath, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (process.HasExited)
            {
                throw new ChaosSetupException($"{uri.GetLeftPart(UriPartial.Authority)} exited with code {process.ExitCode} while starting; see {logPath}.");
            }

            try
            {
                using var response = await http.GetAsync(uri);
                if ((int)response.StatusCode < 500)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow to answer while starting
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ChaosSetupException($"{uri} did not answer within {patience.TotalSeconds} s; see {logPath}.");
            }

            await Task.Delay(100);
        }
    }
}
