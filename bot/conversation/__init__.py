"""What the bot says and remembers: the activity handler, answers kept, feedback, turn errors.

Uses the SDK's public API only (ActivityHandler, TurnContext, MessageFactory,
ConversationState, botbuilder.schema models); anything that leans on SDK
internals comes from bot/sdk/. tests/bot/test_sdk_fence.py enforces it.
"""
