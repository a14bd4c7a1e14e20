using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GuoduActors.Tests.Storage;

/// <summary>What the load was told: a ticket's status and the timeline actions of every command acknowledged with a 2xx.</summary>
internal sealed record AckedTicket(string Id, TicketStatus Status, IReadOnlyList<string> Actions);

/// <summary>One step of a ticket's life in the load: the command's path segment and its JSON body.</summary>
internal sealed record DrillStep(string Command, string Json);

/// <summary>
/// The HTTP traffic of a fault drill, as a careful client sends it: one cookie-signed-in client per silo (the leader),
/// every request tried on a preferred silo and, when it gets no answer or a 5xx, on the next. Registrations carry an
/// Idempotency-Key, so retrying them is safe; a lifecycle command that got no answer is retried only after a read shows
/// it was not applied. It records what was acknowledged, when, and every answer that no client should ever get (a 500,
/// or a refusal of a command the ticket's state allows).
/// </summary>
internal sealed class DrillTraffic : IDisposable
{
    public const string LoadCategory = "public-facilities";
    private const int MaxAttempts = 80;
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(200);

    private readonly HttpClient[] _silos;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, AckedTicket> _acked = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(int Worker, TimeSpan At)> _acks = new();
    private readonly ConcurrentQueue<string> _faults = new();
    private readonly ConcurrentQueue<string> _unanswered = new();

    private DrillTraffic(HttpClient[] silos) => _silos = silos;

    /// <summary>Load tickets by id, each as last acknowledged.</summary>
    public IReadOnlyDictionary<string, AckedTicket> Acked => _acked;

    /// <summary>Answers no client should get: 500s and unexpected refusals.</summary>
    public IReadOnlyCollection<string> Faults => _faults;

    /// <summary>Requests that got no answer or a 503 on some silo before another answered (expected around the kill).</summary>
    public int Unanswered => _unanswered.Count;

    /// <summary>Time on the traffic's own clock, to compare with <see cref="FirstAckAfter"/>.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public int AckCount => _acks.Count;

    public static async Task<DrillTraffic> SignInAsync(IEnumerable<SiloProcess> silos)
    {
        var clients = new List<HttpClient>();
        foreach (var silo in silos)
        {
            var http = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new() })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}"),
                Timeout = TimeSpan.FromSeconds(5),
            };
            using var response = await http.PostAsJsonAsync("/api/auth/signin", new { userName = "leader", password = "Guodu2026" });
            Assert.True(response.IsSuccessStatusCode, $"Signing in on silo {silo.Name} answered {(int)response.StatusCode}.");
            clients.Add(http);
        }
        return new DrillTraffic([.. clients]);
    }

    /// <summary>When <paramref name="worker"/> was first acknowledged at or after <paramref name="since"/>, if it was.</summary>
    public TimeSpan? FirstAckAfter(int worker, TimeSpan since) =>
        _acks.Where(a => a.Worker == worker && a.At >= since).Select(a => (TimeSpan?)a.At).Min();

    /// <summary>The longest stretch after <paramref name="since"/> in which no request of the whole load was acknowledged.</summary>
    public TimeSpan LongestSilenceAfter(TimeSpan since)
    {
        var times = _acks.Select(a => a.At).Where(at => at >= since).Order().Prepend(since).ToList();
        return times.Zip(times.Skip(1), (a, b) => b - a).DefaultIfEmpty(TimeSpan.Zero).Max();
    }

    /// <summary>How many acknowledgements <paramref name="worker"/> has had at or after <paramref name="since"/>.</summary>
    public int AcksOf(int worker, TimeSpan since) => _acks.Count(a => a.Worker == worker && a.At >= since);

    /// <summary>
    /// One load worker: until <paramref name="stop"/> is cancelled, registers tickets round the <paramref name="stations"/>
    /// (starting at its own offset) and takes each through a random number of the steps <paramref name="stepsAt"/> gives
    /// for its station.
    /// </summary>
    public async Task RunWorkerAsync(int worker, IReadOnlyList<string> stations, Func<string, IReadOnlyList<DrillStep>> stepsAt, int seed, CancellationToken stop)
    {
        var random = new Random(seed);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var station = stations[(worker * 7 + n) % stations.Count];
            var registered = await RegisterAsync(worker, station,
                new NewTicket($"演练工单 {worker}-{n} — drill matter", LoadCategory, "演练居民", "13800000000", null), $"drill-{worker}-{n}");
            if (registered is null)
                continue;
            var acked = new AckedTicket(registered.Id, registered.Status, []);
            Ack(worker, acked);
            var steps = stepsAt(station);
            foreach (var step in steps.Take(random.Next(steps.Count + 1)))
            {
                var after = await CommandAsync(worker, acked, step);
                if (after is null)
                    break;
                Ack(worker, acked = after);
            }
        }
    }

    /// <summary>Registers a matter, retrying on other silos under the same key until it is acknowledged.</summary>
    public async Task<TicketDto?> RegisterAsync(int preferred, string stationId, NewTicket ticket, string key)
    {
        var body = JsonSerializer.Serialize(ticket, ApiClient.Json);
        var (status, answer) = await SendSafelyAsync(preferred, () => ApiClient.TicketPost(stationId, body, key));
        if (status == HttpStatusCode.Created)
            return JsonSerializer.Deserialize<TicketDto>(answer, ApiClient.Json);
        _faults.Enqueue($"Registering {key} at {stationId} answered {(int)status}: {answer}");
        return null;
    }

    /// <summary>Reads a ticket as the leader, from whichever silo answers.</summary>
    public async Task<TicketDto> GetTicketAsync(int preferred, string ticketId)
    {
        var (status, answer) = await SendSafelyAsync(preferred, () => new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{ticketId}"));
        Assert.True(status == HttpStatusCode.OK, $"Reading {ticketId} answered {(int)status}: {answer}");
        return JsonSerializer.Deserialize<TicketDto>(answer, ApiClient.Json)!;
    }

    /// <summary>Every ticket row of the projection in <see cref="LoadCategory"/>, read page by page as the leader.</summary>
    public async Task<IReadOnlyList<(string Id, TicketStatus Status)>> ListLoadTicketsAsync()
    {
        var rows = new List<(string, TicketStatus)>();
        for (var page = 1; ; page++)
        {
            var (status, answer) = await SendSafelyAsync(page, () => new HttpRequestMessage(HttpMethod.Get,
                $"/api/tickets?category={LoadCategory}&pageSize={TicketListQuery.MaxPageSize}&page={page}&sort=registeredAt&desc=false"));
            Assert.True(status == HttpStatusCode.OK, $"Listing page {page} answered {(int)status}: {answer}");
            var list = JsonSerializer.Deserialize<TicketPage>(answer, ApiClient.Json)!;
            rows.AddRange(list.Items.Select(r => (r.TicketId, r.Status)));
            if (page * list.PageSize >= list.Total)
                return rows;
        }
    }

    private async Task<AckedTicket?> CommandAsync(int worker, AckedTicket ticket, DrillStep step)
    {
        var known = ticket.Actions.Count + 1;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (status, answer) = await SendOnceAsync(worker + attempt, () => Post($"/api/tickets/{ticket.Id}/{step.Command}", step.Json));
            if (status == HttpStatusCode.OK)
                return Acknowledged(ticket, JsonSerializer.Deserialize<TicketDto>(answer, ApiClient.Json)!, known);
            if (status is not null && (int)status < 500)
            {
                _faults.Enqueue($"{step.Command} {ticket.Id} (status {ticket.Status}) answered {(int)status}: {answer}");
                return null;
            }
            // No answer: the command may have been applied before the silo died. Read before trying again.
            await Task.Delay(Backoff);
            var current = await GetTicketAsync(worker + attempt + 1, ticket.Id);
            if (current.Timeline.Count > known)
                return Acknowledged(ticket, current, known);
        }
        _faults.Enqueue($"{step.Command} {ticket.Id} got no answer in {MaxAttempts} attempts.");
        return null;
    }

    private static AckedTicket Acknowledged(AckedTicket before, TicketDto after, int known)
    {
        Assert.True(after.Timeline.Count == known + 1, $"{after.Id}: expected {known + 1} timeline entries after one command, found {after.Timeline.Count}.");
        return before with { Status = after.Status, Actions = [.. before.Actions, after.Timeline[^1].Action] };
    }

    /// <summary>For idempotent requests (reads, keyed registrations): tries silo after silo until one answers below 500.</summary>
    private async Task<(HttpStatusCode Status, string Body)> SendSafelyAsync(int preferred, Func<HttpRequestMessage> request)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (status, body) = await SendOnceAsync(preferred + attempt, request);
            if (status is { } answered && (int)answered < 500)
                return (answered, body);
            // A client's back-off before the next silo (the silos answer 503 with Retry-After); not a test waiting for a condition.
            await Task.Delay(Backoff);
        }
        throw new TimeoutException($"No silo answered below 500 in {MaxAttempts} attempts.");
    }

    /// <summary>One attempt on silo <paramref name="index"/> (modulo the silo count): its status, or null when it did not answer.</summary>
    private async Task<(HttpStatusCode? Status, string Body)> SendOnceAsync(int index, Func<HttpRequestMessage> request)
    {
        using var message = request();
        var what = $"{message.Method} {message.RequestUri}";
        try
        {
            using var response = await _silos[index % _silos.Length].SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                _unanswered.Enqueue($"{what}: 503");
            else if ((int)response.StatusCode >= 500)
                _faults.Enqueue($"{what} answered {(int)response.StatusCode}: {body}");
            return (response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _unanswered.Enqueue($"{what}: {e.GetType().Name}");
            return (null, "");
        }
    }

    private void Ack(int worker, AckedTicket ticket)
    {
        _acked[ticket.Id] = ticket;
        _acks.Enqueue((worker, _clock.Elapsed));
    }

    private static HttpRequestMessage Post(string path, string json) => new(HttpMethod.Post, path)
    {
        Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };

    public void Dispose()
    {
        foreach (var silo in _silos)
            silo.Dispose();
    }
}
