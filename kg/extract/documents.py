"""stub"""
def extract_documents(doc):
    return ()
