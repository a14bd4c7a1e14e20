// Starts Blazor (App.razor loads blazor.web.js with autostart="false") with a reconnection suited to a dashboard that
// stays open all day, and drives the lost-connection dialog (Components/Layout/ReconnectModal.razor).
//
// Blazor's default spends its first ten attempts at once, then waits 5 s and later 30 s between attempts, so a
// connection back after a second's outage waits seconds for the next try. Here: every second for half a minute, then
// every 5 s until well past the 3 minutes the server keeps a disconnected circuit. A server that no longer knows the
// circuit rejects the attempt, and the page reloads: the reader catches up either way.
(() => {
    const quickAttempts = 30;
    const maxRetries = quickAttempts + 60;

    Blazor.start({
        circuit: {
            reconnectionOptions: {
                maxRetries,
                retryIntervalMilliseconds: (previousAttempts, max) =>
                    previousAttempts >= (max ?? maxRetries) ? null : previousAttempts < quickAttempts ? 1000 : 5000,
            },
        },
    });

    const dialog = document.getElementById('components-reconnect-modal');
    if (!dialog) {
        return;
    }

    const retryWhenVisible = () => {
        if (document.visibilityState === 'visible') {
            retry();
        }
    };

    // The reader asked (or came back to the tab): one attempt now; a server that forgot the circuit means a reload.
    async function retry() {
        document.removeEventListener('visibilitychange', retryWhenVisible);
        try {
            if (!await Blazor.reconnect()) {
                location.reload();
            }
        } catch {
            // Still unreachable: wait for the reader or the tab again.
            document.addEventListener('visibilitychange', retryWhenVisible);
        }
    }

    async function resume() {
        try {
            if (!await Blazor.resumeCircuit()) {
                location.reload();
            }
        } catch {
            dialog.classList.replace('components-reconnect-paused', 'components-reconnect-resume-failed');
        }
    }

    dialog.addEventListener('components-reconnect-state-changed', event => {
        switch (event.detail.state) {
            case 'show':
            case 'retrying':
            case 'paused':
                if (!dialog.open) {
                    dialog.showModal();
                }
                break;
            case 'hide':
                dialog.close();
                break;
            case 'failed':
                document.addEventListener('visibilitychange', retryWhenVisible);
                break;
            case 'rejected':
                location.reload();
                break;
        }
    });
    document.getElementById('components-reconnect-button')?.addEventListener('click', retry);
    document.getElementById('components-resume-button')?.addEventListener('click', resume);
    document.getElementById('guodu-reload-button')?.addEventListener('click', () => location.reload());
})();
