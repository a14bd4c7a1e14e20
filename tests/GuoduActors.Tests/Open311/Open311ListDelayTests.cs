namespace GuoduActors.Tests.Open311;

/// <summary>The product's lists follow a registration by up to <c>Intake:ListDelay</c>; here by a minute, so that they surely lag.</summary>
public sealed class LaggingListsOpen311Fixture : Open311Fixture
{
    protected override string ListDelay => "00:01:00";
}

public sealed class Open311ListDelayTests(LaggingListsOpen311Fixture site) : IClassFixture<LaggingListsOpen311Fixture>
{
    [Fact]
    public async Task ARequestReadsBackAtOnceAfterItsPostThoughTheListsDoNotHaveItYet()
    {
        var fields = site.ValidRequest();

        var id = await site.CreateRequestAsync(fields);
        var request = (await site.GetJsonAsync($"/open311/v2/requests/{id}.json"))[0];

        Assert.Equal(id, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal(fields["description"], request.GetProperty("description").GetString());
        // The list is where the delay shows: the request is not in it yet.
        var listed = await site.GetJsonAsync("/open311/v2/requests.json");
        Assert.DoesNotContain(listed.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
    }
}
