<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppServices</name>
    <message>
        <source>The call store could not be opened (%1). Live calls and history are unavailable; the demo chat still works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key list could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo simulator could not listen on the loopback interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo simulator (%1:%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security settings: %1 (using the defaults)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain (reading…)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BaseUrlGate</name>
    <message>
        <source>%1 uses plain http to a computer other than this one: the API key and every call transcript would cross the network unencrypted. Use it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This base URL cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unencrypted connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallMonitorPage</name>
    <message>
        <source>Call monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency per turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 (past call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · supervisor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallsTableModel</name>
    <message>
        <source>Dialing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (whispered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (handed back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (fallback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 tok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms (first %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(listening)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (listening)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No risk flags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens / cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContextCard</name>
    <message>
        <source>Call context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, latest version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CostMeter</name>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projected cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final: $%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the cost cap will end the call first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1 if the call runs its full %2 min at this rate%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoChatPanel</name>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the model something. In demo mode the built-in simulator answers, streamed token by token through the same client the calls use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a message and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streaming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 tokens · first token %3 ms · %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make regression test…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export without masking personal data (audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the transcripts (full text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search transcripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a regression test from the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the customer&apos;s lines as a scenario for prompt tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt v</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call store is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown export format &quot;%1&quot; (use md, json or csv).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1 is not in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer lines of call %1 (%2), replayed as a regression test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1 has no customer lines to replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save regression scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the scenario to %1 (run it with voiceai-cli call --scenario).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterventionBar</name>
    <message>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the call live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whisper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance the agent follows from its next turn; the customer never hears it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line the agent delivers verbatim as its next turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the AI; your typed turns go to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI resumes, knowing what you said, without greeting again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type guidance (Whisper), a line for the agent (Say), or your own words after taking over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say this to the customer yourself (while you have taken over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the call with a reason (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved by the supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer asked to stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the guidance for the agent first, then press Whisper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the line the agent should say first, then press Say.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: a past call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have the call: the AI is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent follows your guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed back to the AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI has the call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key access log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys live in the operating system&apos;s keychain; this list holds only their names and settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key access log (newest first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain is not in use (the key comes from OPENAI_API_KEY or the app runs the demo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid key name: use letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is empty; nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing %1 in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored %1. Validating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now the active key; restart to leave demo mode if it is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Valid: the key can list %n model(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import OPENAI_API_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the key from the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the key from the OPENAI_API_KEY variable in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) — rotate it</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Importing the key from OPENAI_API_KEY into the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported as &quot;imported&quot;; it is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not stored: its base URL was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LatencyStrip</name>
    <message>
        <source>Turn latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency per turn chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent turns with timings yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First token p50 %1 ms · p90 %2 ms    Total p50 %3 ms · p90 %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>VoiceAI Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt editor will live here: versions of the agent&apos;s system prompt side by side, test runs against saved scenarios and A/B tests. Today the stored prompt versions are used by every call, and &quot;Make regression test&quot; in History already saves scenarios for those test runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cost dashboard will live here: spend per day, campaign and model from the usage records. Today each call&apos;s live cost against its budget is shown on the wallboard and in the call monitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wallboard of calls in progress (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search and open past calls (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s prompts (Ctrl+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend and usage (Ctrl+4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models, budgets, keys and data (Ctrl+5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Live calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jump to the riskiest call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a &amp;demo call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n live call(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n high risk</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No live call to jump to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OPENAI_API_KEY is set but the keychain holds no key: Settings › Keys › Import stores it safely.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigationRail</name>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskAlerter</name>
    <message>
        <source>High risk (%1) on the call with %2 — press Ctrl+J to jump in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VoiceAI Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecurityAlerts</name>
    <message>
        <source>The retired key &quot;%1&quot; was deleted from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is %2 days old (more than %3): rotate it (Settings › Keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired keys could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app uses OPENAI_API_KEY instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app runs without a key; the demo (--demo) still works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be read: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unusual API spending: $%1 in the last hour (alert threshold $%2). Check that nobody else uses the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unusual API traffic: %1 requests in the last hour (alert threshold %2). Check that nobody else uses the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OpenAI account has no quota left: requests fail until the plan or billing is fixed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsWidget</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets &amp;&amp; limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (in the audit trail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo calls at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated calls at start (demo mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum tokens per turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens per turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other parameters (top_p, penalties, user) come from the config file&apos;s &quot;models&quot; object. Model changes apply to calls started after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost cap per call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrent requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets apply to calls started from now on; limits after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert when a call&apos;s risk reaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk is 0–100: a request for a human or a compliance flag alone is about 40; negative sentiment, looping, silence, budget, fallback and slow turns add to it. Alerts always appear in the Alerts panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform&apos;s application data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete older transcripts now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply retention now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep transcripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new data folder is used after a restart (VOICEAI_DATA_DIR overrides it). Retention also runs at every start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention is off: transcripts are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call store is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n call(s) older than the retention period.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>Call started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took over the call; the agent&apos;s reply in progress was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took over the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 handed the call back to the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback: %1 → %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer asked for a human</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out recorded: the customer will not be called again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary of earlier turns updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call interrupted (the application stopped during the call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asked the agent to say: &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · speaking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · first token %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n token(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Supervisor %1 (to the customer) · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whisper from %1 · not heard by the customer · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WallboardPage</name>
    <message>
        <source>Show ended calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riskiest call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New demo call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by customer, campaign or purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the call with the highest risk (Ctrl+J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the riskiest call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start another simulated call (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a demo call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n live call(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No calls yet. Demo calls start in a moment; press &quot;New demo call&quot; for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls in progress.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Supervise, steer and account for AI voice agent calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run against the built-in simulator even if a key is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep calls in &lt;dir&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &lt;n&gt; simulated calls in demo mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the time to a usable window and quit (benchmarks).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
