"""stub"""
def extract_events(doc):
    return ()
