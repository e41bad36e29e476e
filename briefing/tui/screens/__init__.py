"""The screens of the reader."""
