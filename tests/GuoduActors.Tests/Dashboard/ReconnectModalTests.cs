using Bunit;
using GuoduActors.Dashboard.Components.Layout;

namespace GuoduActors.Tests.Dashboard;

/// <summary>
/// The lost-connection dialog: Blazor finds it and its counters by their ids (a dialog without them would leave Blazor
/// showing its own, English one), and every state it can be in has a text in the reader's language.
/// </summary>
public sealed class ReconnectModalTests : BunitContext
{
    public ReconnectModalTests() => Services.AddLocalization();

    [Fact]
    public void TheDialogCarriesTheIdsBlazorLooksForAndATextForEveryState()
    {
        using var chinese = new CultureScope("zh-CN");

        var dialog = Render<ReconnectModal>();

        Assert.Equal("DIALOG", dialog.Find("#components-reconnect-modal").TagName);
        // Blazor writes the countdown into it, within the sentence.
        Assert.Single(dialog.FindAll(".guodu-reconnect-when-retrying > #components-seconds-to-next-attempt"));
        Assert.Equal("重试", dialog.Find("#components-reconnect-button").TextContent.Trim());
        Assert.Equal("继续", dialog.Find("#components-resume-button").TextContent.Trim());
        Assert.Equal("连接中断，正在重新连接……", dialog.Find(".guodu-reconnect-when-first").TextContent.Trim());
        Assert.Contains("秒后再试", dialog.Find(".guodu-reconnect-when-retrying").TextContent);
        Assert.Contains("无法重新连接服务器", dialog.Find("p.guodu-reconnect-when-failed").TextContent);
        Assert.Contains("暂停", dialog.Find("p.guodu-reconnect-when-paused").TextContent);
        Assert.Contains("刷新页面", dialog.Find("p.guodu-reconnect-when-resume-failed").TextContent);
    }

    [Fact]
    public void InEnglishTheDialogSpeaksEnglish()
    {
        using var english = new CultureScope("en");

        var dialog = Render<ReconnectModal>();

        Assert.Equal("Connection lost. Reconnecting…", dialog.Find(".guodu-reconnect-when-first").TextContent.Trim());
        Assert.Equal("Retry", dialog.Find("#components-reconnect-button").TextContent.Trim());
    }
}
