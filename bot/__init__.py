"""The Bot Framework server and the conversation."""
