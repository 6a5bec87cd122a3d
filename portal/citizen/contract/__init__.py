"""The citizen's contract: read it (summary, full text, Danish), accept it, PDF, history."""
