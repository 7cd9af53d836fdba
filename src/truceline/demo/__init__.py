"""``truceline demo``: the main job end to end, from a simulated front to a verifiable report.

Public API::

    truceline.demo.pipeline   DemoConfig, DemoResult, run_demo(config, signer, progress), attribute_step
    truceline.demo.actors     the scripted analysts and liaison officers
    truceline.demo.receiver   WebhookSink, the loopback webhook receiver
    truceline.demo.commands   demo (the click command)
"""
