from briefing.cli import main

if __name__ == "__main__":  # worker processes re-import this module; only the parent runs the CLI
    main()
